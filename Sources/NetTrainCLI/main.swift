import Foundation

exit(NetTrainTool().run(Array(CommandLine.arguments.dropFirst()), terminal: .standard))
