-- CreateTable
CREATE TABLE "TrackerImportMapping" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "signature" VARCHAR(64) NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrackerImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrackerImportMapping_userId_signature_key" ON "TrackerImportMapping"("userId", "signature");

-- AddForeignKey
ALTER TABLE "TrackerImportMapping" ADD CONSTRAINT "TrackerImportMapping_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per-user data: every change bumps the owner's data version (see the user_data_version migration).
SELECT "track_user_data"('"TrackerImportMapping"');
