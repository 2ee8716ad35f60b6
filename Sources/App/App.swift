import Vapor
import Fluent
import Leaf
import FluentSQLiteDriver
import FluentPostgresDriver
import TTDNKit
