// support-desk: built by issue 3.
import Foundation
