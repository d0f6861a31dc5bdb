-- DropIndex
DROP INDEX "Article_sourceUrl_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Article_sourceUrl_key" ON "Article"("sourceUrl");

