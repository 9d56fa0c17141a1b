import Testing
@testable import APIServer
