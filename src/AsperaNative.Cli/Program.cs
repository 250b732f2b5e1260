using AsperaNative.Cli.Application;
using AsperaNative.Core.CommandLine;

return await CliApplication.RunAsync(args, AsperaNative.Core.Terminal.Terminal.FromConsole(), Environment.GetEnvironmentVariables(),
    argumentsAreText: !ArgumentEncoding.HasInvalidUtf8(args));
