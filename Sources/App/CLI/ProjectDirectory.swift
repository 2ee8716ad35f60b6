import Foundation

/// Where `ttdn` finds its `Resources/` (templates, translations, demo data) and `Public/`. Vapor looks in
/// the current directory only, so a service started elsewhere (a systemd unit without `WorkingDirectory`)
/// failed on a missing translation file. In order: `TTDN_HOME`; the current directory; the folders above
/// the executable (`.build/release/ttdn` inside a checkout, or `/opt/ttdn/bin/ttdn` beside
/// `/opt/ttdn/Resources`).
enum ProjectDirectory {
    struct NotFound: Error, CustomStringConvertible {
        let looked: [String]
        var description: String {
            "cannot find the Resources folder (Resources/Locales) in " + looked.joined(separator: ", ")
                + ". Run ttdn from the project folder, or set TTDN_HOME to the folder that holds Resources/."
        }
    }

    /// The folder that holds `Resources/Locales`, ending in `/`.
    static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? ""
    ) throws -> String {
        var looked: [String] = []
        func holdsResources(_ folder: String) -> Bool {
            guard !looked.contains(folder) else { return false }
            looked.append(folder)
            var isDirectory: ObjCBool = false
            let path = URL(fileURLWithPath: folder).appendingPathComponent("Resources/Locales").path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        func slashed(_ folder: String) -> String { folder.hasSuffix("/") ? folder : folder + "/" }

        if let home = environment["TTDN_HOME"], !home.isEmpty {
            guard holdsResources(home) else { throw NotFound(looked: looked) }
            return slashed(home)
        }
        if holdsResources(currentDirectory) { return slashed(currentDirectory) }
        var folder = URL(fileURLWithPath: executable, relativeTo: URL(fileURLWithPath: currentDirectory))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if holdsResources(folder.path) { return slashed(folder.path) }
            folder = folder.deletingLastPathComponent()
        }
        throw NotFound(looked: looked)
    }
}
