#if FUZZING
/// libFuzzer's entry point (build with `-sanitize=fuzzer -DFUZZING`): one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleLanguage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RuleFuzzing.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
#else
import Foundation

/// Without the fuzzer: replays the inputs in the files, or folders of files, given
/// as arguments (e.g. `Tests/Fuzz/rules`); a crash is a regression. Exits 2 on a missing path.
@main
enum ReplayRuleInputs {
    static func main() {
        var replayed = 0
        for argument in CommandLine.arguments.dropFirst() {
            guard let folder = isFolder(argument) else {
                FileHandle.standardError.write(Data("no such file or folder: \(argument)\n".utf8))
                exit(2)
            }
            let paths = folder ? ((try? FileManager.default.subpathsOfDirectory(atPath: argument)) ?? []).sorted().map { "\(argument)/\($0)" } : [argument]
            for path in paths where isFolder(path) == false {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                data.withUnsafeBytes { RuleFuzzing.run($0.bindMemory(to: UInt8.self)) }
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs")
    }

    /// Whether `path` is a folder; nil when nothing is there.
    private static func isFolder(_ path: String) -> Bool? {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) ? folder.boolValue : nil
    }
}
#endif
