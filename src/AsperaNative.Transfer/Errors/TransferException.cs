using AsperaNative.Core.Errors;

namespace AsperaNative.Transfer.Errors;

/// <summary>A failed transfer (ascli's <c>Transfer::Error</c>): <c>ERROR: Transfer: …</c>, with the FASP code when ascp gave one.</summary>
public sealed class TransferException(string message, int? code = null) : CliException("Transfer", message)
{
    public int? Code { get; } = code;
    public bool Retryable => FaspErrors.IsRetryable(Code);
}
