/** Registers every action once; import this module (not the parts) from components. */
import './fault-actions'
import './view-actions'

export * from './registry'
