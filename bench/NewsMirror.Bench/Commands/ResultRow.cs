namespace NewsMirror.Bench.Commands;

/// <summary>One line of the report's results table; <paramref name="Met"/> is null where the measure has no target.</summary>
internal sealed record ResultRow(string Measure, string Result, string Target = "", bool? Met = null);
