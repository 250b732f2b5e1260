using AsperaNative.Cli.Application;
using AsperaNative.Core.CommandLine;

return await CliApplication.RunAsync(args, AsperaNative.Core.Terminal.Terminal.FromConsole(), environment: null,
    argumentsAreText: !ArgumentEncoding.HasInvalidUtf8(args));
