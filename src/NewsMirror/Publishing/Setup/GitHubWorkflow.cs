namespace NewsMirror.Publishing.Setup;

/// <summary><c>.github/workflows/newsmirror.yml</c>: the archive's hourly run on GitHub Actions.</summary>
public static class GitHubWorkflow
{
    public const string Path = ".github/workflows/newsmirror.yml";

    public static string Render(ToolSource tool)
    {
        var repository = tool.Repository is null
            ? "${{ vars.NEWSMIRROR_REPOSITORY }}"
            : "${{ vars.NEWSMIRROR_REPOSITORY || '" + tool.Repository.Replace("'", "''") + "' }}";
        return $$$"""
            # Archives the configured news feeds every hour and pushes one commit of new articles.
            # Written by `newsmirror init`. NewsMirror is built from its git repository: set the repository variable
            # NEWSMIRROR_REPOSITORY (Settings > Secrets and variables > Actions > Variables) to its git URL, or edit the
            # value below; NEWSMIRROR_REF is the branch or tag to build (a tag pins the version).
            name: newsmirror

            on:
              schedule:
                # Every hour at minute 17: GitHub delays schedules at the top of the hour the most.
                - cron: "17 * * * *"
              workflow_dispatch:

            permissions:
              contents: write

            # One run at a time: a scheduled run waits for a manual one instead of racing it.
            concurrency:
              group: newsmirror-archive
              cancel-in-progress: false

            jobs:
              archive:
                runs-on: ubuntu-latest
                timeout-minutes: 45
                env:
                  NEWSMIRROR_REPOSITORY: "{{{repository}}}"
                  NEWSMIRROR_REF: "{{{tool.Ref}}}"
                  DOTNET_NOLOGO: "true"
                  DOTNET_CLI_TELEMETRY_OPTOUT: "true"
                steps:
                  - name: Check out the archive
                    uses: actions/checkout@v4

                  - name: Set up .NET
                    uses: actions/setup-dotnet@v4
                    with:
                      dotnet-version: 10.0.x

                  - name: Find the NewsMirror commit to install
                    id: tool
                    run: echo "commit=$(git ls-remote "$NEWSMIRROR_REPOSITORY" "$NEWSMIRROR_REF" | head -n 1 | cut -f 1)" >> "$GITHUB_OUTPUT"

                  - name: Cache NuGet packages and the NewsMirror tool
                    uses: actions/cache@v4
                    with:
                      path: |
                        ~/.nuget/packages
                        ~/.newsmirror-tool
                      key: newsmirror-${{ runner.os }}-${{ steps.tool.outputs.commit }}

                  - name: Install NewsMirror
                    run: |
            {{{Indent(ToolSource.InstallScript("$HOME/.newsmirror-tool", "$RUNNER_TEMP/newsmirror"), 10)}}}
                      echo "$tool" >> "$GITHUB_PATH"

                  # The catalog is derived data: kept between runs only to save rebuilding it. The key changes with the
                  # NewsMirror commit and the identity logs; a catalog restored from an earlier run is never trusted as
                  # is: NewsMirror rebuilds one of another schema version, and checks each folder against its log on
                  # open, reading only what the log gained, or rebuilding the folder when the log was rewritten.
                  - name: Cache the catalog
                    uses: actions/cache@v4
                    with:
                      path: .newsmirror/catalog.db*
                      key: newsmirror-catalog-${{ runner.os }}-${{ steps.tool.outputs.commit }}-${{ hashFiles('.newsmirror/log/**') }}
                      restore-keys: newsmirror-catalog-${{ runner.os }}-${{ steps.tool.outputs.commit }}-

                  # One outlet being down is reported in the log, not as a failed job; the job fails when all are.
                  - name: Archive, commit and push
                    run: newsmirror run --commit --push --fail-on all

            """;
    }

    internal static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));
}
