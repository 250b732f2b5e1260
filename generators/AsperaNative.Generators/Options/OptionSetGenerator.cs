using AsperaNative.Generators.Common;
using Microsoft.CodeAnalysis;

namespace AsperaNative.Generators.Options
{
    /// <summary>Implements every [OptionSet] class over the option store.</summary>
    [Generator]
    public sealed class OptionSetGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var results = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.OptionSetAttribute, static (node, _) => true, static (ctx, _) => OptionSetParser.Parse(ctx))
                .WithTrackingName("Options.1_Spec");
            context.RegisterSourceOutput(results, static (spc, result) =>
            {
                foreach (var d in result.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
                if (result.Spec != null) spc.AddSource($"{result.Spec.ClassName}.Options.g.cs", OptionSetEmitter.Emit(result.Spec));
            });
        }
    }
}
