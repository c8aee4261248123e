import { DASHBOARDS } from '../support/dashboards';
import { TestHub } from '../support/hub-fixture';

/**
 * The edge's limits must not stand in the way of real work: the heaviest dashboard query of every role
 * (test/support/dashboards.ts) runs through the hub, over the demo data, without a single error.
 */
export function describeEdgeDashboards(hub: () => TestHub): void {
  describe("every role's heaviest dashboard query passes the edge", () => {
    let t: TestHub;

    beforeAll(() => {
      t = hub();
    });

    it.each(DASHBOARDS.map((d) => [d.role, d] as const))('%s', async (_role, dashboard) => {
      const res = await t.gql(dashboard.who, dashboard.query, dashboard.variables);
      expect(res.body.errors).toBeUndefined();
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.data).length).toBeGreaterThan(0);
    });

    it('returns data the demo loaded, so the queries are not answered empty', async () => {
      // By role, not by position: the list grew (ENFORCEMENT_BUREAU before PUBLIC) and positions shifted.
      const of = (role: string) => {
        const d = DASHBOARDS.find((x) => x.role === role)!;
        return t.gql(d.who, d.query, d.variables);
      };
      const [court, bureau, street, company, admin, publicity] = await Promise.all(
        ['COURT', 'CITY_BUREAU', 'STREET_OFFICE', 'PROPERTY_COMPANY', 'ADMIN', 'PUBLIC'].map(of),
      );
      expect(court.body.data.referrals.items.length).toBeGreaterThan(0);
      expect(company.body.data.arrears.items.length).toBeGreaterThan(0);
      expect(bureau.body.data.levies[0].buildings.length).toBeGreaterThan(0);
      expect(street.body.data.compounds[0].buildings.length).toBeGreaterThan(0);
      expect(company.body.data.contracts.items[0].filings[0].versions.length).toBeGreaterThan(0);
      expect(admin.body.data.courts.length).toBeGreaterThan(0);
      expect(publicity.body.data.publicServiceStandards[0].fees.length).toBeGreaterThan(0);
    });
  });
}
