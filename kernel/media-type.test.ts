import { nameOfFormat } from './media-type';

describe('the name a stored document keeps', () => {
  it('keeps a name ending in an extension of its format, whatever its case', () => {
    expect(nameOfFormat('催缴函.pdf', 'PDF')).toBe('催缴函.pdf');
    expect(nameOfFormat('回执.JPEG', 'JPEG')).toBe('回执.JPEG');
    expect(nameOfFormat('回执.jpg', 'JPEG')).toBe('回执.jpg');
    expect(nameOfFormat('合同.Ofd', 'OFD')).toBe('合同.Ofd');
  });

  it("adds the format's extension to any other name, so a PDF named .hta or .html is not opened as a program", () => {
    expect(nameOfFormat('催缴函.hta', 'PDF')).toBe('催缴函.hta.pdf');
    expect(nameOfFormat('notice.html', 'PDF')).toBe('notice.html.pdf');
    expect(nameOfFormat('scan.png', 'JPEG')).toBe('scan.png.jpg');
    expect(nameOfFormat('物业服务合同', 'OFD')).toBe('物业服务合同.ofd');
    expect(nameOfFormat('image.svg', 'PNG')).toBe('image.svg.png');
  });
});
