using AsperaNative.Core.Errors;

namespace AsperaNative.Core.Commands;

/// <summary>ascli's <c>instance_identifier</c> where no lookup exists: a <c>%field:value</c> selector is refused with its words.</summary>
public static class InstanceIdentifier
{
    public static bool IsSelector(string id) => id.Length > 1 && id[0] == '%' && id.IndexOf(':') > 1;

    /// <summary>The identifier as given; a selector is an error (<c>Percent syntax for identifier not supported in this context</c>).</summary>
    public static string Plain(string id, string description = "identifier")
        => IsSelector(id) ? throw CliException.BadArgument($"Percent syntax for {description} not supported in this context") : id;
}
