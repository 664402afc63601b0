-- CreateEnum
CREATE TYPE "PlaySessionKind" AS ENUM ('CASH', 'TOURNAMENT');

-- CreateEnum
CREATE TYPE "PokerGame" AS ENUM ('NLHE', 'PLO', 'PLO5', 'LHE', 'MIXED', 'OTHER');

-- CreateTable
CREATE TABLE "LiveVenue" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveVenue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaySession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "PlaySessionKind" NOT NULL,
    "game" "PokerGame" NOT NULL,
    "siteId" TEXT,
    "venueId" TEXT,
    "currency" VARCHAR(3) NOT NULL,
    "smallBlind" DECIMAL(20,2),
    "bigBlind" DECIMAL(20,2),
    "buyIn" DECIMAL(20,2) NOT NULL,
    "fee" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "reEntries" INTEGER NOT NULL DEFAULT 0,
    "rebuys" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "cashOut" DECIMAL(20,2),
    "expenses" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "place" INTEGER,
    "fieldSize" INTEGER,
    "hands" INTEGER,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "breakMinutes" INTEGER NOT NULL DEFAULT 0,
    "notes" VARCHAR(500),
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "runningFor" TEXT,
    "snapshotId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlaySession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveVenue_userId_name_key" ON "LiveVenue"("userId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PlaySession_runningFor_key" ON "PlaySession"("runningFor");

-- CreateIndex
CREATE UNIQUE INDEX "PlaySession_snapshotId_key" ON "PlaySession"("snapshotId");

-- CreateIndex
CREATE INDEX "PlaySession_userId_startedAt_idx" ON "PlaySession"("userId", "startedAt");

-- AddForeignKey
ALTER TABLE "LiveVenue" ADD CONSTRAINT "LiveVenue_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaySession" ADD CONSTRAINT "PlaySession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaySession" ADD CONSTRAINT "PlaySession_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Holding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaySession" ADD CONSTRAINT "PlaySession_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "LiveVenue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaySession" ADD CONSTRAINT "PlaySession_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "BalanceSnapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Per-user data: every change bumps the owner's data version (see the user_data_version migration).
SELECT "track_user_data"('"LiveVenue"');
SELECT "track_user_data"('"PlaySession"');
