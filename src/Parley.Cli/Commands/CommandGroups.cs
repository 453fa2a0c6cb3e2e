using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary>Parent commands ("build", "eval", "train") shared by several command files.</summary>
internal static class CommandGroups
{
    public static Command GetOrAdd(RootCommand root, string name, string description)
    {
        foreach (var c in root.Subcommands) if (c.Name == name) return c;
        var group = new Command(name, description);
        root.Subcommands.Add(group);
        return group;
    }
}
