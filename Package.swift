// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "ttdn",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ttdn", targets: ["ttdn"]),
        .library(name: "TTDNKit", targets: ["TTDNKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.121.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        // Vapor's multipart parser, named for streaming a form's files to disk (`StreamedForm`).
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
        // Leaf's own engine, named for `LeafDataRepresentable` (Leaf re-exports only part of it).
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Markdown for article bodies (raw HTML is printed as text and links are checked: `ArticleBody`).
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Domain and document logic: no Vapor, no database. Most logic lives here.
        .target(
            name: "TTDNKit",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Ink", package: "Ink"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Vapor application, organised by feature.
        .target(
            name: "App",
            dependencies: [
                "TTDNKit",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "ttdn", dependencies: ["App"], swiftSettings: swiftSettings),
        // libFuzzer target for `ttdn extract` (scripts/fuzz-extract); built normally it is the benchmark (scripts/bench-extract).
        .executableTarget(
            name: "ExtractFuzz", dependencies: ["TTDNKit"], path: "Fuzz/ExtractFuzz", swiftSettings: swiftSettings),
        // libFuzzer target for the whole application: arbitrary requests answered in-process (scripts/fuzz-http).
        .executableTarget(name: "HTTPFuzz", dependencies: ["App"], path: "Fuzz/HTTPFuzz", swiftSettings: swiftSettings),
        .testTarget(
            name: "TTDNKitTests",
            dependencies: [
                "TTDNKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
