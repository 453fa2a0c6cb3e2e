using Parley.Storage.Tests;

namespace Parley.Storage.Sqlite.Tests;

// The store contract, run against SQLite.
public sealed class SqliteEventQueryTests : EventQueryContract { protected override IStoreHarness NewStore() => new TempStore(); }
public sealed class SqliteIdempotenceTests : IdempotenceContract { protected override IStoreHarness NewStore() => new TempStore(); }
public sealed class SqliteRoundTripTests : RoundTripContract { protected override IStoreHarness NewStore() => new TempStore(); }
public sealed class SqliteSearchTests : SearchContract { protected override IStoreHarness NewStore() => new TempStore(); }
public sealed class SqliteStoryTransactionTests : StoryTransactionContract { protected override IStoreHarness NewStore() => new TempStore(); }
public sealed class SqliteEventGrainTests : EventGrainContract { protected override IStoreHarness NewStore() => new TempStore(); }
