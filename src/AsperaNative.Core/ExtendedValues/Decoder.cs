namespace AsperaNative.Core.ExtendedValues;

/// <summary>One decoder of the extended value syntax: <c>@name:</c> applied to the value on its right.</summary>
/// <param name="Name">The name between <c>@</c> and <c>:</c>.</param>
/// <param name="Decode">Turns the value on the right into this decoder's value.</param>
/// <param name="StopsParsing">True for <c>@val:</c> and <c>@extend:</c>: what follows is not split into further decoders.</param>
public sealed record Decoder(string Name, Func<DecodedValue, ExtendedValueContext, DecodedValue> Decode, bool StopsParsing = false);
