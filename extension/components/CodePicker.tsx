import { useState } from 'preact/hooks';
import { OCCUPATION_MAJOR_GROUPS, OCCUPATION_MIDDLE_GROUPS } from '../../shared/data/occupations';
import { PREFECTURES, REGIONS } from '../../shared/data/prefectures';
import { t } from '../utils/i18n';

/** A group of choosable codes with a Japanese heading. */
export type CodeGroup = { name: string; options: ReadonlyArray<{ code: string; name: string }> };

/** Occupations (2022 classification) grouped by major group. */
export const OCCUPATION_GROUPS: CodeGroup[] = OCCUPATION_MAJOR_GROUPS.map((major) => ({
  name: major.name,
  options: OCCUPATION_MIDDLE_GROUPS.filter((g) => g.major === major.code).map((g) => ({ code: g.code, name: g.name })),
}));

/** Prefectures grouped by region. */
export const PREFECTURE_GROUPS: CodeGroup[] = REGIONS.map((region) => ({
  name: region.name,
  options: PREFECTURES.filter((p) => p.region === region.code).map((p) => ({ code: p.code, name: p.name })),
}));

/**
 * A multi-select of codes by their Japanese names: a filter box, then groups of checkboxes
 * (native controls, so Tab, Space and screen readers work), and the chosen ones listed with a
 * button each to remove them.
 *
 * @example
 * <CodePicker id="occupation" legend="職業" groups={OCCUPATION_GROUPS} value={codes} onChange={setCodes} />
 */
export function CodePicker({
  id,
  legend,
  groups,
  value,
  onChange,
  max,
}: {
  id: string;
  legend: string;
  groups: CodeGroup[];
  value: string[];
  onChange: (codes: string[]) => void;
  max?: number;
}) {
  const [filter, setFilter] = useState('');
  const names = new Map(groups.flatMap((g) => g.options.map((o) => [o.code, o.name] as const)));
  const toggle = (code: string, on: boolean) => {
    if (on && !value.includes(code) && (max === undefined || value.length < max)) onChange([...value, code]);
    if (!on) onChange(value.filter((c) => c !== code));
  };
  const needle = filter.trim();
  const visible = groups
    .map((g) => ({ ...g, options: needle ? g.options.filter((o) => o.name.includes(needle) || g.name.includes(needle)) : g.options }))
    .filter((g) => g.options.length > 0);
  return (
    <fieldset class="code-picker" id={id}>
      <legend>{legend}</legend>
      {value.length > 0 ? (
        <ul class="chosen" aria-label={t('pickerChosen', legend)}>
          {value.map((code) => (
            <li key={code}>
              {names.get(code) ?? code}{' '}
              <button
                type="button"
                class="link"
                onClick={() => toggle(code, false)}
                aria-label={t('pickerRemove', names.get(code) ?? code)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{t('pickerNone')}</p>
      )}
      <label for={`${id}-filter`}>{t('pickerFilter')}</label>{' '}
      <input id={`${id}-filter`} type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
      <div class="picker-groups">
        {visible.map((g) => (
          <details key={g.name} open={needle.length > 0}>
            <summary>
              {g.name} <span class="count">{g.options.filter((o) => value.includes(o.code)).length || ''}</span>
            </summary>
            {g.options.map((o) => (
              <label key={o.code} class="check">
                <input
                  type="checkbox"
                  checked={value.includes(o.code)}
                  onChange={(e) => toggle(o.code, (e.target as HTMLInputElement).checked)}
                />{' '}
                {o.name}
              </label>
            ))}
          </details>
        ))}
      </div>
    </fieldset>
  );
}
