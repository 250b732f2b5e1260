namespace AsperaNative.Transfer.Errors;

/// <summary>One FASP error code: whether the client retries it is the client's choice, not the protocol's.</summary>
public sealed record FaspError(int Code, string Mnemonic, bool Retryable, string Info);

/// <summary>
/// The FASP error codes ascp reports in ERROR events (ascp documentation), with ascli's retry decision
/// (<c>config ascp errors</c>): network and resource errors are retried, user and configuration errors not.
/// </summary>
public static class FaspErrors
{
    public static readonly FaspError[] All =
    [
        new(1, "FASP_PROTO", false, "fasp(tm) error"),
        new(2, "ASCP", false, "ASCP error"),
        new(3, "AMBIGUOUS_TARGET", false, "Ambiguous target"),
        new(4, "NO_SUCH_FILE", false, "No such file or directory"),
        new(5, "NO_PERMS", false, "Insufficient permissions"),
        new(6, "NOT_DIR", false, "Target must be a directory"),
        new(7, "IS_DIR", false, "Expected regular file"),
        new(8, "USAGE", false, "Incorrect usage of Aspera scp command"),
        new(9, "LIC_DUP", false, "Duplicate license"),
        new(10, "LIC_RATE_EXCEEDED", false, "Rate exceeds cap imposed by license"),
        new(11, "INTERNAL_ERROR", false, "Internal error"),
        new(12, "TRANSFER_ERROR", true, "Error establishing SSH connection (check SSH port and firewall)"),
        new(13, "TRANSFER_TIMEOUT", true, "Timeout establishing SSH connection (check SSH port and firewall)"),
        new(14, "CONNECTION_ERROR", true, "Error establishing UDP connection (check UDP port and firewall)"),
        new(15, "CONNECTION_TIMEOUT", true, "Timeout establishing UDP connection (check UDP port and firewall)"),
        new(16, "CONNECTION_LOST", true, "Connection lost"),
        new(17, "RCVR_SEND_ERROR", true, "Network failure (receiver can't send feedback)"),
        new(18, "RCVR_RECV_ERROR", true, "Network failure (receiver can't receive UDP data)"),
        new(19, "AUTH", false, "Authentication failure"),
        new(20, "NOTHING", false, "Nothing to transfer"),
        new(21, "NOT_REGULAR", false, "Not a regular file"),
        new(22, "FILE_TABLE_OVR", false, "File table overflow"),
        new(23, "TOO_MANY_FILES", true, "Too many files open"),
        new(24, "FILE_TOO_BIG", false, "File too big for filesystem"),
        new(25, "NO_SPACE_LEFT", false, "No space left on disk"),
        new(26, "READ_ONLY_FS", false, "Read only filesystem"),
        new(27, "SOME_FILE_ERRS", false, "One or more files failed"),
        new(28, "USER_CANCEL", false, "Cancelled by user"),
        new(29, "LIC_NOLIC", false, "Unable to access license info"),
        new(30, "LIC_EXPIRED", false, "License expired"),
        new(31, "SOCK_SETUP", false, "Unable to set up socket"),
        new(32, "OUT_OF_MEMORY", true, "Out of memory"),
        new(33, "THREAD_SPAWN", true, "Unable to spawn thread"),
        new(34, "UNAUTHORIZED", false, "Unauthorized"),
        new(35, "DISK_READ", true, "Disk read error"),
        new(36, "DISK_WRITE", true, "Disk write error"),
        new(37, "AUTHORIZATION", true, "Authorization failure"),
        new(38, "LIC_ILLEGAL", false, "Operation not permitted by license"),
        new(39, "PEER_ABORTED_SESSION", true, "Peer aborted session"),
        new(40, "DATA_TRANSFER_TIMEOUT", true, "Data transfer stalled, timed out"),
        new(41, "BAD_PATH", false, "File location is outside 'docroot' hierarchy"),
        new(42, "ALREADY_EXISTS", false, "File or directory already exists"),
        new(43, "STAT_FAILS", false, "Cannot collect details about file or directory"),
        new(44, "PMTU_BRTT_ERROR", true, "UDP session initiation fatal error"),
        new(45, "BWMEAS_ERROR", true, "Bandwidth measurement fatal error"),
        new(46, "VLINK_ERROR", false, "Virtual link error"),
        new(47, "CONNECTION_ERROR_HTTP", false, "Error establishing HTTP connection (check HTTP port and firewall)"),
        new(48, "FILE_ENCRYPTION_ERROR", false, "File encryption/decryption error, e.g. corrupt file"),
        new(49, "FILE_DECRYPTION_PASS", false, "File decryption error, bad passphrase"),
        new(50, "BAD_CONFIGURATION", false, "Invalid configuration"),
        new(51, "INSECURE_CONNECTION", false, "Remote host is not who we expected"),
        new(52, "START_VALIDATION_FAILED", false, "File start validation failed"),
        new(53, "STOP_VALIDATION_FAILED", false, "File stop validation failed"),
        new(54, "THRESHOLD_VALIDATION_FAILED", false, "File threshold validation failed"),
        new(55, "FILEPATH_TOO_LONG", false, "File path exceeds underlying file system limit"),
        new(56, "ILLEGAL_CHARS_IN_PATH", false, "Path being written to Windows file system contains illegal characters"),
        new(57, "CHUNK_MUST_MATCH_ALIGNMENT", false, "Chunk size/start must be aligned with storage"),
        new(58, "VALIDATION_SESSION_ABORT", false, "Session aborted to due validation error"),
        new(59, "REMOTE_STORAGE_ERROR", false, "Remote storage errored"),
        new(60, "LUA_SCRIPT_ABORTED_SESSION", false, "Session aborted due to Lua script abort"),
        new(61, "SSEAR_RETRYABLE", true, "Transfer failed because of a retryable Encryption at Rest error"),
        new(62, "SSEAR_FATAL", false, "Transfer failed because of a fatal Encryption at Rest error"),
        new(63, "LINK_LOOP", false, "Path refers to a symbolic link loop"),
        new(64, "CANNOT_RENAME_PARTIAL_FILES", false, "Can't rename a partial file."),
        new(65, "CIPHER_NON_COMPAT_FIPS", false, "Can't use this cipher with FIPS mode enabled"),
        new(66, "PEER_REQUIRES_FIPS", false, "Peer rejects cipher due to FIPS mode enabled on peer"),
    ];

    public static FaspError? Find(int code) => code >= 1 && code <= All.Length ? All[code - 1] : null;

    /// <summary>Unknown codes (and errors without code) are not retryable.</summary>
    public static bool IsRetryable(int? code) => code is { } c && Find(c)?.Retryable == true;
}
