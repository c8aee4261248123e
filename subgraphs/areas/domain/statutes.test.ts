import {
  PMC_DISSOLUTION_DAYS,
  PMC_DISSOLUTION_SOURCE,
  PMC_CHAIR_SOURCE,
  PMC_FILING_DAYS,
  PMC_FILING_SOURCE,
  PMC_MAX_TERM_YEARS,
  PMC_MEMBER_COUNT_SOURCE,
  PMC_MIN_MEMBERS,
  PMC_OWNER_MEMBER_SHARE,
  PMC_TERM_SOURCE,
} from './statutes';

// Each figure of the property-management committee with the article and paragraph it comes from, quoting the
// Beijing Property Management Regulation (2024-03-29 text): before, every one cited "arts. 52–59".
describe('the property-management committee figures and their articles (Beijing)', () => {
  it('at least 7 members, an odd number: art. 54 para. 1', () => {
    expect(PMC_MIN_MEMBERS).toBe(7);
    expect(PMC_MEMBER_COUNT_SOURCE).toMatch(/art\. 54 para\. 1: .*七人以上单数组成/);
  });

  it('owner representatives at least half: art. 54 para. 1', () => {
    expect(PMC_OWNER_MEMBER_SHARE).toMatchObject({
      fraction: { numerator: 1, denominator: 2 },
      comparison: 'AT_LEAST',
    });
    expect(PMC_OWNER_MEMBER_SHARE.source).toMatch(
      /art\. 54 para\. 1: 其中业主代表不少于物业管理委员会委员人数的二分之一/,
    );
  });

  it("chaired by the residents' committee representative: art. 54 para. 2", () => {
    expect(PMC_CHAIR_SOURCE).toMatch(/art\. 54 para\. 2: 物业管理委员会主任由居民委员会、村民委员会代表担任/);
  });

  it('filed within 30 days of formation: art. 55 para. 1', () => {
    expect(PMC_FILING_DAYS).toBe(30);
    expect(PMC_FILING_SOURCE).toBe('Beijing Property Management Regulation art. 55 para. 1');
  });

  it('a term of at most 3 years: art. 58 (一般不超过三年)', () => {
    expect(PMC_MAX_TERM_YEARS).toBe(3);
    expect(PMC_TERM_SOURCE).toMatch(/art\. 58: 物业管理委员会的任期一般不超过三年/);
  });

  it("dissolved within 30 days of the owners' committee's recording: art. 59", () => {
    expect(PMC_DISSOLUTION_DAYS).toBe(30);
    expect(PMC_DISSOLUTION_SOURCE).toMatch(/art\. 59: .*第四十三条规定备案的.*应当在三十日内解散物业管理委员会/);
  });
});
