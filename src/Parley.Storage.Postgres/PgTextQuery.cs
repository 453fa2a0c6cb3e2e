using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// A user's search (see <see cref="SearchTerms"/>) as a tsquery expression: each part goes in as a bound value
/// through phraseto_tsquery (so "U.S." is searched as PostgreSQL's parser indexes it, and no input is ever
/// tsquery syntax); a prefix part as to_tsquery of its single word with ':*'; parts joined with &amp;&amp; or ||.
/// </summary>
internal sealed class PgTextQuery
{
    private readonly List<string> _values = [];
    private readonly string _prefix;

    private PgTextQuery(string prefix) => _prefix = prefix;

    public string Sql { get; private set; } = "";

    /// <summary>Null when the input has no searchable word. Parameters are named @{prefix}q0, @{prefix}q1, ...</summary>
    public static PgTextQuery? Build(string? input, int id)
    {
        var clauses = SearchTerms.Parse(input);
        if (clauses.Count == 0) return null;
        var q = new PgTextQuery("t" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "q");
        var sb = new System.Text.StringBuilder("(");
        foreach (var clause in clauses)
        {
            string name = "@" + q._prefix + q._values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (sb.Length > 1) sb.Append(clause.OrWithPrevious ? " || " : " && ");
            if (clause.Prefix)
            {
                // The word is letters and digits only (SearchTerms), so quoting it makes a safe tsquery lexeme.
                q._values.Add("'" + clause.Words[0].ToLowerInvariant() + "':*");
                sb.Append("to_tsquery('english', ").Append(name).Append(')');
            }
            else
            {
                q._values.Add(clause.Words.Count == 1 ? clause.Words[0] : clause.Text);
                sb.Append("phraseto_tsquery('english', ").Append(name).Append(')');
            }
        }
        q.Sql = sb.Append(')').ToString();
        return q;
    }

    public void Bind(NpgsqlCommand cmd)
    {
        for (int i = 0; i < _values.Count; i++)
            cmd.Parameters.AddWithValue(_prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture), _values[i]);
    }
}
