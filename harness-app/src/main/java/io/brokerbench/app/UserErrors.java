package io.brokerbench.app;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for the user about an error that reached the command line, never a stack trace: what
 * went wrong and where. File-system errors, whose own message is only a path, are put in words.
 */
final class UserErrors {
  private UserErrors() {}

  static String describe(Throwable e) {
    if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + ": a file is in the way where a folder is needed";
    }
    if (e instanceof NoSuchFileException f) return f.getFile() + ": no such file or folder";
    if (e instanceof NotDirectoryException f) return f.getFile() + ": not a folder";
    if (e instanceof AccessDeniedException f) return f.getFile() + ": permission denied";
    if (e instanceof DirectoryNotEmptyException f) return f.getFile() + ": the folder is not empty";
    if (e instanceof FileSystemException f) {
      String reason = f.getReason() == null ? f.getClass().getSimpleName() : f.getReason();
      return (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
    }
    if (e instanceof OutOfMemoryError) return "out of memory (" + e.getMessage() + "); give the JVM more with BENCH_JAVA_OPTS=-Xmx4g";
    if (e instanceof StackOverflowError) return "the input is nested too deeply to process";
    String message = e.getMessage();
    if (message == null || message.isBlank()) return e.getClass().getSimpleName();
    return e instanceof Error ? e.getClass().getSimpleName() + ": " + message : message;
  }
}
