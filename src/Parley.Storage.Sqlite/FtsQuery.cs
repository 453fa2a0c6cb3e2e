using System.Text;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Renders a user's search (parsed by <see cref="SearchTerms"/>) as a safe FTS5 query: every part becomes a
/// quoted term or phrase (so characters such as '-', ':' or '"' never reach the FTS5 parser as syntax), parts
/// are ANDed, a prefix part gets FTS5's '*', and a bare OR between two parts is kept.
/// </summary>
internal static class FtsQuery
{
    /// <summary>The FTS5 query, or null when the input has no searchable word.</summary>
    public static string? Build(string? input)
    {
        var clauses = SearchTerms.Parse(input);
        if (clauses.Count == 0) return null;
        var sb = new StringBuilder(input!.Length + 16);
        foreach (var clause in clauses)
        {
            if (sb.Length > 0) sb.Append(clause.OrWithPrevious ? " OR " : " ");
            sb.Append('"').AppendJoin(' ', clause.Words).Append('"');
            if (clause.Prefix) sb.Append('*');
        }
        return sb.ToString();
    }
}
