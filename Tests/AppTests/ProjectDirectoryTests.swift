import Foundation
import Testing

@testable import App

@Suite("Finding Resources/")
struct ProjectDirectoryTests {
    /// A throwaway project: `root/Resources/Locales` and `root/.build/release/ttdn`.
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Resources/Locales"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(".build/release"), withIntermediateDirectories: true)
        return root
    }

    @Test func theEnvironmentThenTheCurrentFolderThenAboveTheExecutable() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let elsewhere = FileManager.default.temporaryDirectory.path
        let executable = root.appendingPathComponent(".build/release/ttdn").path
        // Started from another folder: found above the executable.
        #expect(
            try ProjectDirectory.locate(environment: [:], currentDirectory: elsewhere, executable: executable)
                == root.path + "/")
        // From the project folder.
        #expect(
            try ProjectDirectory.locate(environment: [:], currentDirectory: root.path, executable: "/usr/bin/ttdn")
                == root.path + "/")
        // TTDN_HOME wins, and must hold Resources/.
        #expect(
            try ProjectDirectory.locate(
                environment: ["TTDN_HOME": root.path], currentDirectory: elsewhere, executable: "/usr/bin/ttdn")
                == root.path + "/")
        #expect(throws: ProjectDirectory.NotFound.self) {
            try ProjectDirectory.locate(
                environment: ["TTDN_HOME": elsewhere], currentDirectory: root.path, executable: executable)
        }
    }

    @Test func nothingFoundSaysWhereItLookedAndWhatToDo() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-none-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        do {
            _ = try ProjectDirectory.locate(
                environment: [:], currentDirectory: elsewhere.path,
                executable: elsewhere.appendingPathComponent("ttdn").path)
            Issue.record("found a Resources folder where there is none")
        } catch let error as ProjectDirectory.NotFound {
            #expect(error.description.contains(elsewhere.path))
            #expect(error.description.contains("TTDN_HOME"))
        }
    }
}
