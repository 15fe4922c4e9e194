import Dispatch
import Synchronization

/// Values computed once per key, however many threads ask: the first caller computes while
/// later callers for the same key wait for its answer. Conformance runs use it so that a
/// summary and the parameterised tests share one run of each (possibly slow) test.
public final class OnceCache<Value: Sendable>: Sendable {
    private let slots = Mutex<[String: Slot]>([:])

    private final class Slot: Sendable {
        let value = Mutex<Value?>(nil)
    }

    public init() {}

    /// The value for `key`, computed by `compute` on first request.
    public func value(for key: String, compute: () -> Value) -> Value {
        let slot = slots.withLock { slots in
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        return slot.value.withLock { value in
            if let value { return value }
            let computed = compute()
            value = computed
            return computed
        }
    }
}

/// Running a check over many items on several threads.
public enum Parallel {
    /// Calls `body` for every item, `width` threads at a time, and returns when all are done.
    public static func forEach<T: Sendable>(_ items: [T], width: Int, _ body: @Sendable (T) -> Void) {
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: max(1, width)) { _ in
            while case let index = next.add(1, ordering: .relaxed).oldValue, index < items.count {
                body(items[index])
            }
        }
    }
}
