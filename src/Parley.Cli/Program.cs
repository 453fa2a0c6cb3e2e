using System.CommandLine;
using Parley.Cli;

// Errors a user can act on become one line on standard error, never a stack trace.
var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
try
{
    return await ParleyCommands.Build().Parse(args).InvokeAsync(config);
}
catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException or InvalidDataException)
{
    Console.Error.WriteLine($"parley: {ex.Message}");
    return ex is ArgumentException ? 1 : 2;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"parley: internal error: {ex.GetType().Name}: {ex.Message}");
    return 2;
}
