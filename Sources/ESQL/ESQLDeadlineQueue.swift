/// A min-heap of (deadline, entry) pairs: which held rows stop passing a recency condition first.
struct ESQLDeadlineQueue {
    private var heap: [(deadline: Int64, entry: Int)] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func removeAll() {
        heap.removeAll()
    }

    mutating func insert(deadline: Int64, entry: Int) {
        heap.append((deadline, entry))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the entry with the earliest deadline when that deadline is before `end`.
    mutating func popEntry(before end: Int64) -> Int? {
        guard let top = heap.first, top.deadline < end else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
                if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top.entry
    }
}
