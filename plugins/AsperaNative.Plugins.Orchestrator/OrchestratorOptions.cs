using AsperaNative.Core.Attributes;

namespace AsperaNative.Plugins.Orchestrator;

/// <summary>How the API is called, and how a workflow is started.</summary>
[OptionSet]
public sealed partial class OrchestratorOptions
{
    /// <summary>Specify result value as: 'work_step:parameter'</summary>
    [Option("result")] public partial string? Result { get; }
    /// <summary>Wait for completion</summary>
    [Option("synchronous", Default = "no")] public partial bool? Synchronous { get; }
    /// <summary>How return type is requested in api</summary>
    [Option("ret_style", Values = ["header", "arg", "ext"], Default = "arg")] public partial string? RetStyle { get; }
    /// <summary>Authentication type</summary>
    [Option("auth_style", Values = ["arg_pass", "head_basic", "apikey"], Default = "head_basic")] public partial string? AuthStyle { get; }

    public string RequiredRetStyle => _store.GetMandatoryString("ret_style");
    public string RequiredAuthStyle => _store.GetMandatoryString("auth_style");
}
