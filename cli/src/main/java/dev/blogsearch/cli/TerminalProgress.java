package dev.blogsearch.cli;

import dev.blogsearch.indexer.index.IndexProgress;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with posts per second and the time left, redrawn in place on the terminal (stderr). */
final class TerminalProgress implements IndexProgress {

    private volatile ProgressBar bar;

    @Override
    public void started(int posts) {
        bar = new ProgressBarBuilder()
                .setTaskName("Indexing")
                .setInitialMax(posts)
                .setUnit(" posts", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .clearDisplayOnFinish()
                .build();
    }

    @Override
    public void postDone() {
        ProgressBar current = bar;
        if (current != null) {
            current.step();
        }
    }

    @Override
    public void finished() {
        ProgressBar current = bar;
        if (current != null) {
            current.close();
        }
    }
}
