using Parley.Storage.Tests;

namespace Parley.Storage.Postgres.Tests;

// The store contract, run against PostgreSQL.
public sealed class PostgresEventQueryTests : EventQueryContract { protected override IStoreHarness NewStore() => new PgTempStore(); }
public sealed class PostgresIdempotenceTests : IdempotenceContract { protected override IStoreHarness NewStore() => new PgTempStore(); }
public sealed class PostgresRoundTripTests : RoundTripContract { protected override IStoreHarness NewStore() => new PgTempStore(); }
public sealed class PostgresSearchTests : SearchContract { protected override IStoreHarness NewStore() => new PgTempStore(); }
public sealed class PostgresStoryTransactionTests : StoryTransactionContract { protected override IStoreHarness NewStore() => new PgTempStore(); }
public sealed class PostgresEventGrainTests : EventGrainContract { protected override IStoreHarness NewStore() => new PgTempStore(); }
