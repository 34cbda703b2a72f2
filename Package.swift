// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "nettrain",
  products: [
    .library(name: "NetTrain", targets: ["NetTrain"]),
    .library(name: "Autograd", targets: ["Autograd"]),
    .executable(name: "nettrain", targets: ["NetTrainCLI"]),
  ],
  targets: [
    .target(name: "Autograd"),
    .target(name: "NetTrain", dependencies: ["Autograd"]),
    .executableTarget(name: "NetTrainCLI", dependencies: ["NetTrain", "Autograd"]),
    .testTarget(name: "AutogradTests", dependencies: ["Autograd"]),
    .testTarget(name: "NetTrainTests", dependencies: ["NetTrain", "Autograd"]),
    .testTarget(name: "NetTrainCLITests", dependencies: ["NetTrainCLI", "NetTrain"]),
  ]
)
