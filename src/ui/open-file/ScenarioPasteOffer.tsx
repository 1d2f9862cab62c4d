/**
 * Under the Import tab's text box: when the text pasted there is a scenario file (what Export,
 * share links and the CLI use) rather than `kafka-topics --describe` output or a reassignment
 * JSON, offer to open it as one, with the same reader, problems and question as a file.
 */
import { looksLikeScenarioFile } from './scenario-file'
import { OpenResult } from './OpenResult'
import { useScenarioOpener } from './use-scenario-opener'

/** What the pasted text is called in messages, where a file would have its name. */
export const PASTED_NAME = 'the pasted text'

/** Renders nothing (and needs no store) unless the text looks like a scenario file. */
export function ScenarioPasteOffer({ text }: { text: string }) {
  return looksLikeScenarioFile(text) ? <PasteOffer text={text} /> : null
}

function PasteOffer({ text }: { text: string }) {
  const opener = useScenarioOpener()
  return (
    <div className="flex flex-col gap-2 rounded border border-focus p-2">
      <p>
        This is a scenario file (the format Export, share links and the command line use), not
        describe output: open it as it is instead of importing it.
      </p>
      <div>
        <button
          type="button"
          className="btn btn-primary"
          disabled={opener.state.phase === 'reading'}
          onClick={() => void opener.openText(PASTED_NAME, text)}
        >
          Open this scenario
        </button>
      </div>
      <OpenResult opener={opener} />
    </div>
  )
}
