// swift-tools-version:6.0
import Foundation
import PackageDescription

/// NetSim, the numeric library, is optimised in debug builds too: unoptimised Swift runs its loops 10-100x
/// slower, and the test suite (its CLI tests run the debug `axmul`) spends most of its time there.
/// (Circuits is not: optimising it cost 20 s of a fresh build and saved 4 s of its tests.)
/// `AXMUL_DEBUG_UNOPTIMISED=1 swift build` turns this off for stepping through NetSim in a debugger.
let optimisedInDebug: [SwiftSetting] = ProcessInfo.processInfo.environment["AXMUL_DEBUG_UNOPTIMISED"] == "1"
    ? [] : [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "AxMul",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Circuits", targets: ["Circuits"]),
        .library(name: "NetSim", targets: ["NetSim"]),
        .library(name: "ONNX", targets: ["ONNX"]),
        .executable(name: "axmul", targets: ["axmul"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", path: "Sources/CGMP"),
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3", "-fno-math-errno"])]),  // AVX2 only inside target("avx2") functions, chosen at run time; no errno so sqrtf vectorises
        .target(name: "TableFormat"),
        // Every saved result format, each tagged "schema": "axmul.<kind>/<version>" (Foundation only).
        .target(name: "Records"),
        .target(name: "Circuits", dependencies: ["CGMP", "TableFormat", "Records"]),  // Records: Characterisation is a tagged record
        .target(name: "NetSim", dependencies: ["COpenBLAS", "CKernels", "TableFormat", "CZlib", "Records"], swiftSettings: optimisedInDebug),
        .target(name: "Report", dependencies: ["Circuits", "Records"]),
        // ONNX protobuf types (Generated/onnx.pb.swift, made by protoc-gen-swift; see docs/onnx.md) and the ONNX ↔ NetSim bridge.
        .target(name: "ONNX", dependencies: [
            "NetSim", "TableFormat", "Records", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),
        // The one loader of multiplier arguments (design, .axlut, foreign table) for NetSim; the only target besides the CLI that sees both halves.
        .target(name: "Multipliers", dependencies: ["Circuits", "NetSim", "TableFormat"]),
        // Per-layer multiplier search (NSGA-II), its evaluation cache, and shards run locally or as Slurm job arrays.
        .target(name: "Search", dependencies: ["NetSim", "TableFormat", "Records"]),
        .target(name: "Workflows", dependencies: ["NetSim", "ONNX", "Multipliers", "Search", "Records", "TableFormat", "Report"]),
        .executableTarget(name: "axmul", dependencies: [
            "Circuits", "NetSim", "TableFormat", "Report", "Multipliers", "ONNX", "Search", "Records", "Workflows",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // What tests share about the outside world: the project's Python (.venv), tool probes and the `.needs` trait.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CircuitsTests", dependencies: ["Circuits", "TestSupport"], exclude: ["Regressions"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NetSimTests", dependencies: ["TestSupport", "NetSim", "CKernels", "TableFormat", "Records"], exclude: ["Fixtures"]),
        .testTarget(name: "TableFormatTests", dependencies: ["TableFormat", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["TestSupport", "Report", "Circuits", "Records", "Search"], exclude: ["Golden"]),
        .testTarget(name: "AxmulTests", dependencies: ["TestSupport", "Circuits", "NetSim", "TableFormat", "ONNX", "Records"]),
        .testTarget(name: "ONNXTests", dependencies: ["TestSupport", "ONNX", "NetSim", "Workflows"], exclude: ["Fixtures"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "NetSim", "Multipliers", "Records"]),
        .testTarget(name: "WorkflowsTests", dependencies: ["Workflows", "NetSim", "Records", "TestSupport"]),
        .testTarget(name: "MultipliersTests", dependencies: ["Multipliers", "Circuits", "NetSim", "TableFormat"]),
    ]
)
