using System.CommandLine;

namespace NewsMirror.Cli.Commands;

/// <summary>Options every command accepts (before or after the command name): how much to log, and how.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Print only errors (and --json output).", Recursive = true };

    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Also print details of each step the command takes.", Recursive = true };

    public static readonly Option<string> LogFormat = CreateLogFormat();

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Quiet);
        root.Options.Add(Verbose);
        root.Options.Add(LogFormat);
    }

    /// <summary>The command's log, on the invocation's standard error (the console's unless a caller redirects it).</summary>
    public static CliLog Log(ParseResult parse) => new(
        parse.InvocationConfiguration.Error,
        parse.GetValue(Quiet) ? Verbosity.Quiet : parse.GetValue(Verbose) ? Verbosity.Verbose : Verbosity.Normal,
        parse.GetValue(LogFormat) == "json" ? Commands.LogFormat.Json : Commands.LogFormat.Text);

    private static Option<string> CreateLogFormat()
    {
        var option = new Option<string>("--log-format")
        {
            Description = "text, or json: one JSON object per line on standard error, for machines.",
            DefaultValueFactory = _ => "text",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
