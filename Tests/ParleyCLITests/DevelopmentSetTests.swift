import Foundation
import Testing
import ParleyTestSupport

/// The extraction ratchet: ingests the 32 development readouts of `../shared/readouts/` through
/// the `parley` binary (`measure.sh`: `parley ingest`, then `parley facts --format tsv` per
/// readout) and scores them with the annotators' scorer. Fails when precision or recall falls
/// below the floor reached so far; raise the floors when the rules get better, never lower them
/// to make a change pass. Skipped, with the reason printed, when the set or python3 is absent.
@Suite struct DevelopmentSetTests {
    static let readouts = ParleyProcess.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/readouts").path
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: readouts + "/measure.sh") && ExternalTool.find("python3") != nil
    }

    /// The figures reached on the development set (README "Extraction quality"), less a hair for
    /// rounding: precision, recall.
    static let precisionFloor = 0.87
    static let recallFloor = 0.62

    @Test("development readouts: precision and recall stay at or above the floors",
          .enabled(if: isAvailable, "../shared/readouts or python3 not found; the development set is not scored"))
    func ratchet() throws {
        let result = try ParleyProcess.run(executable: URL(fileURLWithPath: "/bin/bash"),
                                           [Self.readouts + "/measure.sh", ParleyProcess.executable.path],
                                           environment: ["PARLEY_SCHEMA": ParleyProcess.packageRoot.appendingPathComponent("schema").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("ingest failed"), "\(result.stderr)")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        print("development set: \(last)")
        let fields = last.split(separator: " ").map(String.init)
        guard let p = fields.firstIndex(of: "precision"), let r = fields.firstIndex(of: "recall"),
              p + 1 < fields.count, r + 1 < fields.count,
              let precision = Double(fields[p + 1]), let recall = Double(fields[r + 1]) else {
            Issue.record("the scorer's last line has no figures: \(last)")
            return
        }
        #expect(precision >= Self.precisionFloor, "precision \(precision) fell below \(Self.precisionFloor)")
        #expect(recall >= Self.recallFloor, "recall \(recall) fell below \(Self.recallFloor)")
    }
}
