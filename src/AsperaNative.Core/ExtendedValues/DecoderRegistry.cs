using System.Collections.Frozen;
using AsperaNative.Core.ExtendedValues.Decoders;

namespace AsperaNative.Core.ExtendedValues;

/// <summary>
/// The closed set of decoders, each group contributing its own from its file. Decoders that need
/// other layers (presets, vault, HTTP) reach them through <see cref="ExtendedValueContext"/>.
/// </summary>
public static class DecoderRegistry
{
    private static readonly FrozenDictionary<string, Decoder> All =
        TextDecoders.All
            .Concat(InputDecoders.All)
            .Concat(StructuredDecoders.All)
            .Concat(LookupDecoders.All)
            .ToFrozenDictionary(static d => d.Name, StringComparer.Ordinal);

    /// <summary>The decoder names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Finds a decoder by name.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Decoder? decoder)
        => All.TryGetValue(name, out decoder);
}
