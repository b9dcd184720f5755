import { useI18n } from 'vue-i18n'

/// Names of systems and fields in the user's language; a system or field the
/// server adds later shows under its own name rather than as a missing key.
export function useConnectorLabels() {
  const { t, te } = useI18n()
  const label = (group: string, name: string) => (te(`connectors.${group}.${name}`) ? t(`connectors.${group}.${name}`) : name)
  return {
    systemName: (system: string) => label('systems', system),
    fieldLabel: (field: string) => label('fields', field),
  }
}
