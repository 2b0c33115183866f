extension TicketSchema {
  /// Step 2: the reseller column and its index, for partner-scoped queries (`TicketQuery.partnerID`).
  ///
  /// Schemas created by step 1 of the first releases already have both; the statements add them where they
  /// are missing and change nothing otherwise. No backfill: tickets stored before tickets knew their reseller
  /// have none, which is what a `NULL` `partner_id` says. From this step on the store writes `partner_id` on
  /// every create and on every append that moves a ticket (`resellerChanged`).
  static let partnerMigration = Migration(
    version: 2, description: "the reseller of each ticket, indexed for partner-scoped queries",
    statements: [
      PostgresStatement("ALTER TABLE tickets ADD COLUMN IF NOT EXISTS partner_id text"),
      PostgresStatement(
        "CREATE INDEX IF NOT EXISTS tickets_by_partner ON tickets (partner_id, seq) WHERE partner_id IS NOT NULL"),
    ])
}
