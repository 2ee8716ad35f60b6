import SQLKit
import TTDNKit

extension Plan {
    /// The plans in force, as pages that grow with the years show them first: issued or draft (not
    /// superseded, not archived), of last year or later; a plan whose year was not read counts as in force.
    /// `table` is the alias the query gives the plans table.
    static func whereInForce(_ select: SQLSelectBuilder, table: String, today: LocalDate) -> SQLSelectBuilder {
        select
            .where(
                SQLColumn("status", table: table), .notIn,
                SQLBind.group([Status.archived.rawValue, Status.superseded.rawValue])
            )
            .where(group: { group in
                group.where(SQLColumn("year", table: table), .greaterThanOrEqual, SQLBind(today.year - 1))
                    .orWhere(SQLColumn("year", table: table), .is, SQLLiteral.null)
            })
    }
}
