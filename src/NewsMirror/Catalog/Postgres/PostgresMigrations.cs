using Npgsql;

namespace NewsMirror.Catalog.Postgres;

/// <summary>
/// The shared catalog's schema, as numbered steps applied in order (<c>newsmirror catalog migrate</c>). A step is
/// never edited once released: a change is a new step. The version applied is kept in <c>schema_version</c>.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>The steps; step n (1-based) brings the schema to version n.</summary>
    internal static readonly string[] Steps =
    [
        """
        CREATE TABLE schema_version (version integer NOT NULL);
        INSERT INTO schema_version VALUES (0);

        -- What a fleet must agree on per source: who holds it, until when, and its polling state.
        CREATE TABLE sources (
            name text PRIMARY KEY,
            folder text NOT NULL,
            owner text,
            lease_until timestamptz,
            next_poll timestamptz NOT NULL DEFAULT now(),
            etag text,
            last_modified text,
            last_success timestamptz,
            last_error text,
            last_failure timestamptz,
            failures integer NOT NULL DEFAULT 0
        );
        CREATE INDEX sources_due ON sources (next_poll);

        -- Every archived article of every folder. The identity key is the guid, else "link:" and the link key (the
        -- archive's identity rule): a second copy of an article, or a second article under one id, cannot be stored.
        CREATE TABLE identities (
            folder text NOT NULL,
            id bigint NOT NULL,
            file text NOT NULL,
            identity_key text NOT NULL,
            guid text,
            link_key text NOT NULL,
            title text NOT NULL,
            published bigint,
            CONSTRAINT identities_one_id UNIQUE (folder, id),
            CONSTRAINT identities_one_copy UNIQUE (folder, identity_key)
        );
        CREATE INDEX identities_link ON identities (folder, link_key);

        CREATE TABLE workers (
            name text PRIMARY KEY,
            started timestamptz NOT NULL,
            last_seen timestamptz NOT NULL
        );
        """,
        """
        -- What became of archived articles, taken from the committed logs as the local catalog derives it: each
        -- revision (the identity logs' revision lines) and each probe (the probe logs' lines), once each.
        CREATE TABLE revisions (
            folder text NOT NULL,
            file text NOT NULL,
            at timestamptz NOT NULL,
            action text NOT NULL,
            old_title text,
            new_title text NOT NULL,
            old_hash text,
            new_hash text,
            CONSTRAINT revisions_once UNIQUE (folder, file, at, action)
        );

        CREATE TABLE probes (
            folder text NOT NULL,
            file text NOT NULL,
            at timestamptz NOT NULL,
            outcome text NOT NULL,
            final boolean NOT NULL,
            status integer,
            target text,
            redirect text,
            warc text,
            similarity double precision,
            notice text,
            digest text,
            CONSTRAINT probes_once UNIQUE (folder, file, at)
        );

        -- Each probed article's probes folded: the final verdict in force, and its probe schedule (the last probe
        -- and any retry asked for; with the archiving time and the source's schedule they give the next probe).
        CREATE TABLE probe_state (
            folder text NOT NULL,
            file text NOT NULL,
            final text,
            final_at timestamptz,
            last_at timestamptz,
            retry_at timestamptz,
            probes integer NOT NULL,
            state text NOT NULL,
            PRIMARY KEY (folder, file)
        );
        CREATE INDEX probe_state_final ON probe_state (folder, final) WHERE final IS NOT NULL;
        CREATE INDEX probe_state_retry ON probe_state (retry_at) WHERE retry_at IS NOT NULL;
        """,
    ];

    public static int Latest => Steps.Length;

    /// <summary>The schema version of the database: 0 when NewsMirror has never migrated it.</summary>
    public static async Task<int> VersionAsync(NpgsqlConnection connection, CancellationToken cancel)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancel))!) return 0;
        await using var version = new NpgsqlCommand("SELECT version FROM schema_version", connection);
        return Convert.ToInt32(await version.ExecuteScalarAsync(cancel));
    }

    /// <summary>Applies every step past the database's version, each in its own transaction.</summary>
    /// <returns>The versions before and after.</returns>
    public static Task<(int From, int To)> MigrateAsync(NpgsqlConnection connection, CancellationToken cancel) => MigrateAsync(connection, Latest, cancel);

    /// <summary>Applies the steps up to version <paramref name="target"/> (an older schema, for the tests of an upgrade).</summary>
    internal static async Task<(int From, int To)> MigrateAsync(NpgsqlConnection connection, int target, CancellationToken cancel)
    {
        // One migrator at a time: two workers started together must not both apply step 1.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(7268531)", connection)) await lockCommand.ExecuteNonQueryAsync(cancel);
        try
        {
            var from = await VersionAsync(connection, cancel);
            if (from > Latest)
                throw new CatalogSchemaException($"the catalog's schema is version {from}, newer than this NewsMirror knows ({Latest}): upgrade NewsMirror");
            for (var step = from + 1; step <= target; step++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancel);
                await using (var apply = new NpgsqlCommand(Steps[step - 1], connection, transaction)) await apply.ExecuteNonQueryAsync(cancel);
                await using (var record = new NpgsqlCommand("UPDATE schema_version SET version = @v", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", step);
                    await record.ExecuteNonQueryAsync(cancel);
                }
                await transaction.CommitAsync(cancel);
            }
            return (from, Math.Max(from, target));
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(7268531)", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
