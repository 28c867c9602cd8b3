package io.gil4j.demo.cli;

import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Runs the command line as picocli's {@link RunLast} does, except that a last command that is a
 * {@link Subcommand} runs through {@link Subcommand#run()}: {@code --help} and {@code --version} are
 * answered first, picocli's own commands ({@code help}, {@code generate-completion}) run as picocli runs
 * them, and a command line that names no command fails as a usage error.
 *
 * <p>A {@link ParameterException} from the command goes to the parameter exception handler (exit 2); any
 * other exception becomes an {@link ExecutionException}, which picocli reports with its stack trace (exit 1).
 */
public final class RunSubcommand implements IExecutionStrategy {

    @Override
    public int execute(ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        if (!(last.commandSpec().userObject() instanceof Subcommand command)) {
            return new RunLast().execute(parseResult);
        }
        CommandLine commandLine = last.commandSpec().commandLine();
        try {
            return command.run();
        } catch (ParameterException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(commandLine, commandLine.getCommandName() + ": interrupted", e);
        } catch (RuntimeException e) {
            throw new ExecutionException(commandLine, commandLine.getCommandName() + ": " + e, e);
        }
    }
}
