import Fluent
import Foundation
import TTDNKit

/// Loads the directory from the database, and as the `AgencyDirectory` that resolves names.
struct DirectoryLoader {
    let db: any Database

    /// Every agency, in dictionary order of its official name.
    func agencies() async throws -> [Agency] {
        try await Agency.query(on: db).sort(\.$sortKey).all()
    }

    func groups() async throws -> [AgencyGroup] {
        try await AgencyGroup.query(on: db).with(\.$members).sort(\.$sortKey).all()
    }

    func successions() async throws -> [AgencySuccession] {
        try await AgencySuccession.query(on: db).all()
    }
}
