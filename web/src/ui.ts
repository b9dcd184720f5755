// The Element Plus components the console uses, registered by name. Listing
// them (instead of app.use(ElementPlus)) keeps the rest out of the bundle.
import {
  ElAlert, ElAside, ElBadge, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElContainer, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElDivider, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem,
  ElHeader, ElInput, ElInputNumber, ElLink, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElRadioButton,
  ElRadioGroup, ElResult, ElSelect, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline,
  ElTimelineItem, ElTooltip,
} from 'element-plus'
import type { App, Plugin } from 'vue'

const components: Plugin[] = [
  ElAlert, ElAside, ElBadge, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElContainer, ElDescriptions,
  ElDescriptionsItem, ElDialog, ElDivider, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem,
  ElHeader, ElInput, ElInputNumber, ElLink, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElRadioButton,
  ElRadioGroup, ElResult, ElSelect, ElSwitch, ElTable, ElTableColumn, ElTabPane, ElTabs, ElTag, ElTimeline,
  ElTimelineItem, ElTooltip,
]

export function installUi(app: App) {
  for (const c of components) app.use(c)
}
