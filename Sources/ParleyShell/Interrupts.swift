import ParleyQuery
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C at the prompt. The SIGINT handler only stores two flags (atomic stores, safe in a
/// signal handler): ``token`` cancels the running statement, and ``pressed`` tells the prompt
/// that `readline` returned because of Ctrl-C rather than end of input.
///
/// Installed without `SA_RESTART`, so a Ctrl-C while waiting for a key interrupts the read and
/// libedit returns; the prompt then starts a fresh line.
public enum Interrupts {
    /// Cancels the statement that is running; reset before each statement.
    public static let token = CancellationToken()
    /// Set by every Ctrl-C; the prompt resets it before reading a line.
    public static let pressed = CancellationToken()

    /// Installs the SIGINT handler (once; later calls do nothing harmful).
    public static func install() {
        // Touch both tokens first: the handler must never be the one to initialise them.
        _ = token.isCancelled
        _ = pressed.isCancelled
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupts.token.cancel()
            Interrupts.pressed.cancel()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
