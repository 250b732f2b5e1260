namespace AsperaNative.Core.ExtendedValues;

/// <summary>One decoder of the extended value syntax: <c>@name:</c> applied to the value on its right.</summary>
/// <param name="Name">The name between <c>@</c> and <c>:</c>.</param>
/// <param name="Decode">Turns the value on the right into this decoder's value.</param>
/// <param name="StopsParsing">True for <c>@val:</c> and <c>@extend:</c>: what follows is not split into further decoders.</param>
/// <param name="IsKnown">For decoders that exist only once a layer is loaded (<c>@preset:</c>, <c>@vault:</c> after the
/// config file): before, as in ascli, the prefix is plain text.</param>
public sealed record Decoder(string Name, Func<DecodedValue, ExtendedValueContext, DecodedValue> Decode, bool StopsParsing = false,
    Func<ExtendedValueContext, bool>? IsKnown = null);
