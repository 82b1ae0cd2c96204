// Fuzz target `pngfolder`: PNG class folders with their budget (ArrayFolderReader.readImages). The first
// input byte gives how many links (0-7) to the image the rest of the input holds sit beside it in class
// `a`; class `b` holds one copy. Headers are budgeted before any pixel is decoded, so no input may make the
// reader allocate more than the budget (libFuzzer's -rss_limit_mb catches that); any trap is a bug.
import Foundation
@testable import NetSim

let root: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-fuzz-pngfolder-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let image = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let fm = FileManager.default
    for cls in ["a", "b"] {
        let dir = root.appendingPathComponent(cls)
        try? fm.removeItem(at: dir)
        try? fm.createDirectory(at: dir, withIntermediateDirectories: true)
        try? image.write(to: dir.appendingPathComponent("0.png"))
    }
    for k in 0..<Int(data[0] % 8) {
        try? fm.createSymbolicLink(atPath: root.appendingPathComponent("a/l\(k).png").path, withDestinationPath: "0.png")
    }
    _ = try? ArrayFolderReader.readImages(root)
    return 0
}
