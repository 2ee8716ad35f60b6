import Foundation
import TTDNKit
import Vapor

/// What "Nhiệm vụ của đơn vị" shows: the plans in force unless a year or every year is asked for, either
/// role or one, open tasks or all, a page at a time. Ten years of plans give an agency thousands of tasks;
/// what is current comes first and the rest is a filter away.
struct MyTasksFilter: Sendable, Equatable {
    enum Years: Sendable, Equatable {
        case inForce
        case all
        case year(Int)
    }

    var years: Years = .inForce
    var role: TaskAgency.Role?
    var openOnly = false
    var page = 1

    static let pageSize = 50

    init() {}

    /// Reads `?year=all|YYYY&role=lead|support&status=open&page=N`; anything else is the default.
    init(query: any URLQueryContainer) {
        switch query[String.self, at: "year"] {
        case "all": years = .all
        case let text?:
            if let year = Int(text), (1900...2200).contains(year) { years = .year(year) } else { years = .inForce }
        case nil: years = .inForce
        }
        role = query[String.self, at: "role"].flatMap(TaskAgency.Role.init(rawValue:))
        openOnly = query[String.self, at: "status"] == "open"
        page = max(1, min(query[Int.self, at: "page"] ?? 1, 10_000))
    }

    func scope(today: LocalDate) -> AgencyTasks.Scope {
        switch years {
        case .inForce: .inForce(today: today)
        case .all: .all
        case .year(let year): .year(year)
        }
    }

    /// The query string of this filter on another page (or, with `page: 1`, for links that change a filter).
    func query(page: Int, agency: UUID?) -> String {
        var items: [URLQueryItem] = []
        if let agency { items.append(.init(name: "agency", value: agency.uuidString.lowercased())) }
        switch years {
        case .inForce: break
        case .all: items.append(.init(name: "year", value: "all"))
        case .year(let year): items.append(.init(name: "year", value: String(year)))
        }
        if let role { items.append(.init(name: "role", value: role.rawValue)) }
        if openOnly { items.append(.init(name: "status", value: "open")) }
        if page > 1 { items.append(.init(name: "page", value: String(page))) }
        var components = URLComponents()
        components.queryItems = items
        return items.isEmpty ? "" : "?" + (components.percentEncodedQuery ?? "")
    }

    var yearValue: String {
        switch years {
        case .inForce: ""
        case .all: "all"
        case .year(let year): String(year)
        }
    }
}
