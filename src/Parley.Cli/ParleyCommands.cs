using System.CommandLine;
using Parley.Cli.Commands;

namespace Parley.Cli;

/// <summary>Registers the commands; each lives in its own file under Commands/.</summary>
internal static class ParleyCommands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Parley: news articles in, structured event data out.");
        root.Subcommands.Add(CodeCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(StoriesCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
